/**
 * Internal: the wire between po and the po it runs on another host, one JSON line each way: the
 * request of each operation ({@link dev.po.wire.Op}) and its answer, with one writer and one reader
 * of each that both ends use, failures carrying their kind. Not exported.
 */
package dev.po.wire;
