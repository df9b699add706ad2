#!/usr/bin/env node
// The headless front end: runs cli/ntcc.ts (TypeScript) through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/ntcc.ts');
process.exitCode = await main(process.argv.slice(2));
