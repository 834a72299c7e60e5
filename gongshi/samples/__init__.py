"""Sample notices shipped with gongshi for `gongshi demo` (see samples.toml)."""
