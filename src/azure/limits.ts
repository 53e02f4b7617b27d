/**
 * AKS Arc's published scale limits: "Scale requirements for AKS on Azure Local",
 * https://learn.microsoft.com/azure/aks/aksarc/scale-requirements (the swagger's `count` is a plain int32 with no
 * bounds). Written once here; the README quotes them.
 */
export const AKS_ARC_LIMITS = {
  source: 'https://learn.microsoft.com/azure/aks/aksarc/scale-requirements',
  /** "Number of nodes in default node pool created during cluster create": 1 to 200. */
  defaultNodePoolMaxNodes: 200,
  /** "Number of nodes in a node pool (empty node pools not supported)": 1 to 64. */
  nodePoolMaxNodes: 64,
  /** "Total number of nodes in an AKS cluster across node pools": 1 to 200. */
  clusterMaxNodes: 200,
  /** "Number of node pools in an AKS cluster": 1 to 16. */
  maxNodePools: 16,
  /** "Count of control plane nodes": 1, 3 or 5. */
  controlPlaneCounts: [1, 3, 5] as const,
} as const;
