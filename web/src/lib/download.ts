import { EXPORT_PATH } from './graphql';

/**
 * Asks the gateway's /export.csv for an operation (every page of its list) and
 * hands the file to the browser; the server's message when it refuses.
 */
export async function downloadCsv(query: string, variables: object, token: string, filename: string): Promise<void> {
  const response = await fetch(EXPORT_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error(body?.errors?.[0]?.message ?? `The export failed (HTTP ${response.status}).`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
