/** Internal: TOML text as po-core writes it. Not exported by the module, not part of po-core's API. */
package dev.po.toml;
