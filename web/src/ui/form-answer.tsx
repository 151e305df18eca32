/** What a form says once the person acted: a notice, or why not. */
export interface FormAnswer {
  ok: boolean;
  text: string;
}

export const noAnswer: FormAnswer = { ok: true, text: '' };

/** The form's answer in a live region that is always there, so a screen reader announces each new one. */
export const AnswerLine = (props: { answer: FormAnswer | undefined }) => (
  <p role="status" class={props.answer?.ok === false ? 'error' : 'notice'}>
    {props.answer?.text}
  </p>
);
