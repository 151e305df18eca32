import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApiError } from './api-error.ts';
import { isOperation, type Operations } from './operations.ts';

const contentType = 'application/x-amz-json-1.0';
const maxBodyBytes = 1024 * 1024;

/** AWS JSON 1.0 carries timestamps as epoch seconds. */
function epochSeconds(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  return original instanceof Date ? original.getTime() / 1000 : value;
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) reject(new ApiError('ValidationException', 'request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const send = (response: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body, epochSeconds);
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  });
  response.end(text);
};

const answer = async (operations: Operations, request: IncomingMessage, response: ServerResponse) => {
  const target = request.headers['x-amz-target'];
  const operation = typeof target === 'string' ? target.replace(/^AWSStepFunctions\./, '') : '';
  if (request.method !== 'POST' || !target?.toString().startsWith('AWSStepFunctions.') || !isOperation(operation)) {
    throw new ApiError('UnknownOperationException', `Unsupported operation: ${target ?? '(no X-Amz-Target)'}`);
  }
  const text = await readBody(request);
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError('SerializationException', 'the request body is not JSON');
  }
  send(response, 200, operations.run(operation, body));
};

/** The Step Functions API over HTTP (AWS JSON 1.0): `X-Amz-Target: AWSStepFunctions.<Operation>`. */
export const createApiServer = (operations: Operations, log: (line: string) => void): Server =>
  createServer((request, response) => {
    answer(operations, request, response).catch((error: unknown) => {
      if (error instanceof ApiError) {
        send(response, 400, { __type: error.type, message: error.message });
      } else {
        log(`step functions API error: ${(error as Error).message}`);
        send(response, 500, { __type: 'InternalFailure', message: 'internal error in the local Step Functions' });
      }
    });
  });
