import { Alert } from '@mantine/core';

/** A form's error that names no field, above the form (announced: role="alert"). */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <Alert color="red" role="alert" data-testid="form-error">
      {message}
    </Alert>
  ) : null;
}
