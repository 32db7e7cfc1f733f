/**
 * Publishing a harness: {@link dev.po.harness.HarnessPublisher} makes a bare git repository from
 * a harness folder (this repository's {@code engine/}) and tags it, so that a fresh host has
 * something for projects to pin.
 */
package dev.po.harness;
