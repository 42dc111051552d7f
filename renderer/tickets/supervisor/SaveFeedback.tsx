export interface Feedback {
  text: string;
  failed: boolean;
}

/**
 * What a save did, in two live regions that are always there (a region that
 * appears with its words is often not read): success politely, a failure at once.
 */
export function SaveFeedback({ feedback, id }: { feedback: Feedback | null; id?: string }) {
  return (
    <div id={id} className="supervisor-feedback">
      <p role="status" className="supervisor__status">
        {feedback && !feedback.failed ? feedback.text : null}
      </p>
      <p role="alert" className="supervisor__error">
        {feedback?.failed ? feedback.text : null}
      </p>
    </div>
  );
}
