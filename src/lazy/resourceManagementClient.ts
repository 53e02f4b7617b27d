// Loaded by loadLazy('resourceManagementClient') on the first resource group or provider call (the create wizard's):
// the generated Microsoft.Resources client and its mappers are a sixth of the bundle, and the tree never needs them.
export { ResourceManagementClient } from '@azure/arm-resources';
