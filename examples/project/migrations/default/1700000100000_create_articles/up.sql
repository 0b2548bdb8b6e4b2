CREATE TABLE public.articles (
  id serial PRIMARY KEY,
  author_id integer NOT NULL REFERENCES public.authors (id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  published_at timestamptz
);

COMMENT ON TABLE public.articles IS 'Posts written by authors; drafts have no published_at.';
