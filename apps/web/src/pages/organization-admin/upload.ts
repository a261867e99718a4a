import type { Client } from 'urql';
import { graphql } from '../../gql';
import type { FilePurpose } from '../../gql/graphql';

const CreateUploadMutation = graphql(`
  mutation CreateUpload($ownerId: ID!, $purpose: FilePurpose!, $fileName: String!, $contentType: String!, $size: Int!) {
    createUpload(ownerId: $ownerId, purpose: $purpose, fileName: $fileName, contentType: $contentType, size: $size) {
      uploadUrl
      method
      maxSize
    }
  }
`);

/** The API's refusal of an upload: the message, and the field it names when it names one. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * Two steps: createUpload answers a single-use signed URL, then the browser PUTs the bytes there
 * (no Authorization header: the URL is the permission). The API checks the content and attaches
 * the file to its owner.
 */
export async function uploadFile(client: Client, ownerId: string, purpose: FilePurpose, file: File): Promise<void> {
  const ticket = await client
    .mutation(CreateUploadMutation, {
      ownerId,
      purpose,
      fileName: file.name,
      contentType: file.type || 'application/octet-stream',
      size: file.size,
    })
    .toPromise();
  if (!ticket.data) {
    const e = ticket.error?.graphQLErrors[0];
    throw new UploadError(e?.message ?? ticket.error?.message ?? 'upload refused', e?.extensions?.field as string);
  }
  const { uploadUrl, method } = ticket.data.createUpload;
  const response = await fetch(uploadUrl, {
    method,
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
    credentials: 'omit',
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new UploadError(body?.message ?? `${response.status} ${response.statusText}`);
  }
}
