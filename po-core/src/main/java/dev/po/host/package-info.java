/**
 * Internal: the host seam. A project's commands hand its host a whole operation ({@link
 * dev.po.host.Host}): a status read, a launch, an update with the {@link dev.po.host.Recorder} it
 * reports through, a create, a log read, an attachment. {@link dev.po.host.Hosts} picks the host
 * (this machine, {@code dev.po.local}; another over ssh, {@code dev.po.ssh}) and works several at
 * once. Nothing above this package knows where a project lives. Not exported.
 */
package dev.po.host;
