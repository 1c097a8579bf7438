import type { ClientError } from '../../lib/errors';

/**
 * A failure the person should hear about right away (role="alert"). Rendered empty-but-present is
 * avoided: the element only exists while there is something to say, so old errors are not re-read.
 */
export function FormError({ error }: { error: ClientError | string | null | undefined }) {
  if (!error) return null;
  const message = typeof error === 'string' ? error : error.message;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
