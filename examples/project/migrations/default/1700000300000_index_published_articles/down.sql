-- hasura:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS public.articles_published_at_idx;
