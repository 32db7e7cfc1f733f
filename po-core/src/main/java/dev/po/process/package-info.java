/**
 * Internal: runs external programs (the harness launcher) with a timeout, the caller's environment
 * and a capped record of their output; and tells a live {@code po create} from a dead one by the
 * lock on its marker file. Not exported by the module, not part of po-core's API; use
 * {@link dev.po.Po}.
 */
package dev.po.process;
