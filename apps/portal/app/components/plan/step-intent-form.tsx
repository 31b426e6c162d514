import type { ReactNode } from "react";
import { Form } from "@remix-run/react";

/**
 * A form that changes one step (done, move, drop, reopen, its words): the plan pages' actions read the intent,
 * the step and the version it was shown at (a stale version gets a clear message, not a lost edit).
 */
export function StepIntentForm({
  intent,
  step,
  action,
  className,
  children,
}: {
  intent: "done" | "move" | "drop" | "reopen" | "reword";
  step: { id: string; version: number };
  action?: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <Form method="post" action={action} className={className}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="actionId" value={step.id} />
      <input type="hidden" name="version" value={step.version} />
      {children}
    </Form>
  );
}
