/** The VS Code languages Sourcelint lints: Markdown, and the Markdown dialects of Quarto, R Markdown and MDX. */
export const LANGUAGES: readonly string[] = ['markdown', 'quarto', 'rmarkdown', 'mdx'];

export const isLinted = (languageId: string): boolean => LANGUAGES.includes(languageId);
