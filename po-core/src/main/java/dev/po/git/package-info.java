/**
 * Internal, not API: reads project repositories in process with JGit for the registry's checks and
 * for status, and writes them for the lifecycle (a new project with its engine submodule, a pin
 * change that can be undone). Nothing here starts a process. The module does not export this
 * package: its types are public only because po-core's other packages call them.
 */
package dev.po.git;
