/**
 * Internal, not API: reads project repositories in process with JGit for the registry's checks and
 * for status. Nothing here starts a process. Callers outside po-core must not use these types;
 * they may change at any time.
 */
package dev.po.git;
