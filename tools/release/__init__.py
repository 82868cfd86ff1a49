"""Release tooling: the release record, the version check, the plan and the build."""
