# Sourced by the bench scripts: git with a fixed identity and no machine or user config, so that
# generated repositories and timings do not depend on who runs them.
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.invalid
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.invalid
export GIT_TERMINAL_PROMPT=0
