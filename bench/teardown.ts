/** Clean-up steps run last-in first-out; every step runs even when an earlier one fails. */
export interface Teardown {
  defer(step: () => Promise<void>): void;
  /** Runs the steps once; later calls return the same promise. */
  close(): Promise<void>;
}

export function createTeardown(): Teardown {
  const steps: Array<() => Promise<void>> = [];
  let closing: Promise<void> | null = null;
  const run = async () => {
    const errors: unknown[] = [];
    for (const step of steps.reverse()) await step().catch((error: unknown) => errors.push(error));
    if (errors.length > 0) throw new AggregateError(errors, `bench clean-up failed: ${errors.map(String).join('; ')}`);
  };
  return {
    defer: (step) => {
      steps.push(step);
    },
    close: () => (closing ??= run()),
  };
}
