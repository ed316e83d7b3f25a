export * from './errors.js';
export * from './ports.js';
export * from './deps.js';
export * from './tip-content.js';
export * from './keys.js';
export * from './intake.js';
export * from './reading.js';
export { newRandomId, bytesToHex, hexToBytes } from './ids.js';
