-- hasura:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS articles_published_at_idx
  ON public.articles (published_at)
  WHERE published_at IS NOT NULL;
