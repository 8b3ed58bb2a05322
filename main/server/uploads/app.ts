import type { Handlers } from '../context.js';

export const uploadHandlers: Pick<Handlers, 'uploads.begin' | 'uploads.chunk'> = {
  'uploads.begin': (input, ctx) => ctx.uploads.begin(ctx.connection.id, input.name, input.bytes, ctx.now().getTime()),
  'uploads.chunk': (input, ctx) =>
    ctx.uploads.chunk(ctx.connection.id, input.uploadId, input.offset, Buffer.from(input.contentBase64, 'base64'), ctx.now().getTime()),
};
