"""Format readers: e-mail (.eml), HTML, Markdown and templates.

Each reader turns a file's decoded text into a :class:`~replylint.normalize.Normalized`
(the text the NLP analyses, mapped character by character to the file) and
registers itself with :func:`replylint.inputs.register_reader`. Importing this
package registers them all; :func:`replylint.inputs.read_path` does so on first use.
"""

from . import eml, html, markdown, templates  # noqa: F401  (registration)
