package dev.po.git;

import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.UserConfig;

/** Who commits (a project's engine pin, a harness publication): the user's git identity when configured, else a neutral fixed one. */
public final class Identity {
  private Identity() {}

  /** The identity commits in {@code repo} are made under. */
  public static PersonIdent of(Repository repo) {
    UserConfig u = repo.getConfig().get(UserConfig.KEY);
    if (!u.isAuthorNameImplicit() && !u.isAuthorEmailImplicit()) {
      return new PersonIdent(u.getAuthorName(), u.getAuthorEmail());
    }
    // JGit would invent "user@hostname"; a fixed name reads better than a machine's guess and
    // names nothing of the tool that made the commit.
    return new PersonIdent("agents", "agents@localhost");
  }
}
