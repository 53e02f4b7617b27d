/** The api-versions this extension speaks; each matches a swagger in test/specs (see REPORT in its README). */
export const API_VERSIONS = {
  subscriptions: '2022-12-01',
  customLocations: '2021-08-15',
  logicalNetworks: '2024-01-01',
  connectedClusters: '2024-01-01',
  hybridContainerService: '2024-01-01',
} as const;
