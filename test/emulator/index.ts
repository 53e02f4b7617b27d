/** Public entry point of the ARM emulator. */
export { startEmulator, type Emulator, type EmulatorOptions, type RecordedRequest } from './server';
export { FaultRegistry, type FaultRule, type ActiveFaultRule, type LroOutcome } from './faults';
export { World, DEMO, TYPES, type WorldKind, type ArmResource } from './world';
export type { EmulatorConfig } from './http';
