/**
 * The agent-orchestrator harness: runs the agents of a project's {@code agents.toml} in tmux
 * sessions and heals the ones that die. {@link dev.agentorchestrator.Main} is the command line
 * behind {@code engine/agents}; everything else is internal.
 */
package dev.agentorchestrator;
