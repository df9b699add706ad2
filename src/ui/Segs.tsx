/** A labelled row of radio buttons drawn as segments (one option chosen); test ids are `PREFIX-OPTION`. */
export function Segs<T extends string>(props: {
  label: string;
  options: readonly T[];
  value: T;
  text: (v: T) => string;
  onPick: (v: T) => void;
  testid: string;
}) {
  return (
    <div className="field" role="radiogroup" aria-label={props.label}>
      <span className="field-label">{props.label}</span>
      <div className="segs">
        {props.options.map((o) => (
          <button
            key={o}
            type="button"
            role="radio"
            aria-checked={props.value === o}
            className={props.value === o ? 'seg active' : 'seg'}
            data-testid={`${props.testid}-${o}`}
            onClick={() => props.onPick(o)}
          >
            {props.text(o)}
          </button>
        ))}
      </div>
    </div>
  );
}
