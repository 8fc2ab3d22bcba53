"""The build as one sequence (`run.run_build`, which `build` and `serve` both call) and what it
needs: finding and reading sources, merging duplicates, slugs, the build cache, parallel
extraction and the build lock."""
