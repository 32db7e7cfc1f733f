package dev.po.harness;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.PoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessPublisherTest {
  @TempDir Path tmp;
  Path src;
  Path bare;

  @BeforeEach
  void harnessFolder() throws Exception {
    src = Files.createDirectories(tmp.resolve("engine"));
    Files.writeString(src.resolve("agents"), "#!/bin/sh\necho agents \"$@\"\n");
    Files.setPosixFilePermissions(src.resolve("agents"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(src.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(src.resolve("src/main/java/a"));
    Files.writeString(src.resolve("src/main/java/a/A.java"), "class A {}\n");
    Files.createDirectories(src.resolve("src/main-extra"));
    Files.writeString(src.resolve("src/main-extra/x.txt"), "x\n");
    Files.createDirectories(src.resolve("target/classes"));
    Files.writeString(src.resolve("target/classes/A.class"), "junk");
    Files.createDirectories(src.resolve(".ao-state"));
    Files.writeString(src.resolve(".ao-state/status.json"), "{}");
    bare = tmp.resolve("out/harness.git");
  }

  @Test
  void publishesTheFolderContentAsATaggedBareRepository() throws Exception {
    PublishResult r = HarnessPublisher.publish(src, bare, "v0.1.0");
    assertTrue(r.createdRepository() && r.committed() && r.tagged());
    assertEquals(4, r.files());
    assertEquals("true", git(bare, "rev-parse", "--is-bare-repository"));
    git(bare, "fsck", "--strict");
    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "-q", bare.toString(), clone.toString());
    assertEquals("v0.1.0", git(clone, "describe", "--tags"));
    assertEquals(r.commit(), git(clone, "rev-parse", "v0.1.0^{commit}"));
    assertTrue(Files.isExecutable(clone.resolve("agents")));
    assertEquals("class A {}\n", Files.readString(clone.resolve("src/main/java/a/A.java")));
    assertFalse(Files.exists(clone.resolve("target")));
    assertFalse(Files.exists(clone.resolve(".ao-state")));
    assertEquals("", git(clone, "status", "--porcelain"));
  }

  @Test
  void unchangedFilesGetANewTagButNoNewCommit() {
    PublishResult first = HarnessPublisher.publish(src, bare, "v0.1.0");
    PublishResult again = HarnessPublisher.publish(src, bare, "v0.1.1");
    assertFalse(again.createdRepository());
    assertFalse(again.committed());
    assertTrue(again.tagged());
    assertEquals(first.commit(), again.commit());
    PublishResult same = HarnessPublisher.publish(src, bare, "v0.1.0");
    assertFalse(same.tagged());
  }

  @Test
  void changedFilesAdvanceMainAndTheNewTag() throws Exception {
    PublishResult first = HarnessPublisher.publish(src, bare, "v0.1.0");
    Files.writeString(src.resolve("NOTES.md"), "more\n");
    PublishResult second = HarnessPublisher.publish(src, bare, "v0.2.0");
    assertTrue(second.committed());
    assertEquals(first.commit(), git(bare, "rev-parse", second.commit() + "^"));
    assertEquals(second.commit(), git(bare, "rev-parse", "main"));
    assertEquals("v0.1.0", git(bare, "describe", "--tags", first.commit()));
  }

  @Test
  void aTagIsNeverMoved() throws Exception {
    HarnessPublisher.publish(src, bare, "v0.1.0");
    Files.writeString(src.resolve("NOTES.md"), "more\n");
    PoException e = assertThrows(PoException.class, () -> HarnessPublisher.publish(src, bare, "v0.1.0"));
    assertTrue(e.getMessage().contains("tag v0.1.0 already names"), e.getMessage());
  }

  @Test
  void refusesAFolderWithoutALauncherAndABadTag() {
    assertThrows(PoException.class, () -> HarnessPublisher.publish(tmp, bare, "v1"));
    assertThrows(PoException.class, () -> HarnessPublisher.publish(src, bare, "bad tag"));
    assertFalse(Files.exists(bare));
  }

  @Test
  void tagsAreCheckedAsGitChecksThemAndNeverShadowABranchOrHead() throws Exception {
    for (String tag : new String[] {"-x", "HEAD", "v1~1", "a b", "../x", "v1^{}", ""}) {
      PoException e = assertThrows(PoException.class, () -> HarnessPublisher.publish(src, bare, tag), tag);
      assertTrue(e instanceof dev.po.fleet.InvalidValueException, tag);
      assertTrue(e.getMessage().startsWith("invalid tag '" + tag + "': use a name git accepts for a tag"), e.getMessage());
    }
    PoException e = assertThrows(PoException.class, () -> HarnessPublisher.publish(src, bare, "main"));
    assertTrue(e.getMessage().startsWith("tag 'main' would shadow the branch main"), e.getMessage());
    assertFalse(Files.exists(bare), "nothing is made for a refused tag");
    HarnessPublisher.publish(src, bare, "v0.1.0");
    git(bare, "branch", "next", "main");
    e = assertThrows(PoException.class, () -> HarnessPublisher.publish(src, bare, "next"));
    assertTrue(e.getMessage().startsWith("tag 'next' would shadow the branch next in " + bare), e.getMessage());
    assertEquals("v0.1.0", git(bare, "tag"));
  }
}
