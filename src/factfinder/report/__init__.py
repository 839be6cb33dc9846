"""Case files rendered: the HTML and PDF report, the exports and the evidence package.

`model` holds the plain values of a case file (built by the service layer from the record as of
one signed checkpoint); `html`/`pdf` render the report, `exports` the CSV, JSON Lines and
GeoJSON files, `ged` the event-data rows, `package` the verifiable evidence package, and
`timeline`/`svgmap`/`labels` the pieces the report draws with. Nothing here reads the database.
"""
