package dev.po.host;

/** A project held by one command until closed (see {@link Host#hold}). */
public interface Held extends AutoCloseable {
  @Override
  void close();
}
