/**
 * Internal, not API: reads project repositories in process with JGit for the registry's checks and
 * for status, and writes them for the lifecycle (a new project with its engine submodule, a pin
 * change that can be undone). Nothing here starts a process. Callers outside po-core must not use these types;
 * they may change at any time.
 */
package dev.po.git;
