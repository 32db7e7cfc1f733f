package dev.po.fleet;

/**
 * One problem of one project, found where the project lives and placed in the registry by the po
 * that asked ({@link Registry#problemAt}).
 *
 * @param project the project name, or {@code null} for the fleet as a whole
 * @param key {@code location}, {@code ref}, or {@code null} for the project's table
 * @param message as a local validate says it
 */
public record Finding(String project, String key, String message) {}
