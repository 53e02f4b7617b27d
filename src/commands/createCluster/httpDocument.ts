/**
 * The create-cluster requests as a `.http` document (REST Client / VS Code), so a developer can review and send them
 * by hand. The token is a placeholder: a document may be saved or shared, so it never holds a real one.
 */
import type { ArmRequestSpec } from './bodies';

/**
 * A request to render; without a title, the create-cluster step's name by position. (Omit keeps this compatible
 * whether or not ArmRequestSpec itself carries a title.)
 */
export type HttpDocumentRequest = Omit<ArmRequestSpec, 'title'> & { title?: string };

const STEP_TITLES = ['connected cluster (Microsoft.Kubernetes)', 'AKS Arc instance (Microsoft.HybridContainerService)'];

export function renderHttpDocument(requests: HttpDocumentRequest[], endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  const lines = [
    ...(requests.length > 1
      ? [
          `# Create an AKS Arc cluster: send the ${requests.length} requests below in order.`,
          '# Send step 2 only after step 1 succeeded (its response or a GET shows provisioningState Succeeded).',
        ]
      : ['# Send the request below.']),
    '# Get a token for Azure Resource Manager and paste it on the @token line:',
    `# az account get-access-token --resource ${base} --query accessToken -o tsv`,
    '',
    '@token = <paste a token here>',
    '',
  ];
  requests.forEach((request, i) => {
    lines.push(
      `### Step ${i + 1}: ${request.title || STEP_TITLES[i] || request.path}`,
      `${request.method} ${base}${request.path}?api-version=${request.apiVersion}`,
      'Authorization: Bearer {{token}}',
      'Content-Type: application/json',
      '',
      JSON.stringify(request.body, null, 2),
      '',
    );
  });
  return lines.join('\n');
}
