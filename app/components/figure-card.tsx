// One figure AMG states, with its source, and the official figure beside it where one exists.

type FigureView = { amgFigure: string; amgStatement: string; amgSource: string; officialFigure: string | null; officialBasis: string | null; officialSource: string | null };

export function FigureCard({ figure }: { figure: FigureView }) {
  return (
    <article className="figure-card">
      <p className="figure-value">{figure.amgFigure}</p>
      <p className="figure-statement">{figure.amgStatement}</p>
      <p className="figure-source">Source: {figure.amgSource}</p>
      {figure.officialFigure ? (
        <p className="figure-official">
          <span className="label">Official figure:</span> {figure.officialFigure}
          {figure.officialBasis ? <> ({figure.officialBasis})</> : null}. <span className="figure-source">Source: {figure.officialSource}</span>
        </p>
      ) : null}
    </article>
  );
}
