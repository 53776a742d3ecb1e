#!/usr/bin/env node
// The package's `etl` command. The CLI is TypeScript run by tsx: register its
// loader in this process, then hand over to the real entry.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
