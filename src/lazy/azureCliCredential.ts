// Loaded by loadLazy('azureCliCredential') on the first token asked of the Azure CLI.
export { AzureCliCredential } from '@azure/identity';
