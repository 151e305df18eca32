/** Why an action failed, announced as an alert; nothing while it has not failed. */
export const ActionProblem = (props: { action: { error: string } }) =>
  props.action.error ? (
    <p class="error" role="alert">
      {props.action.error}
    </p>
  ) : null;
