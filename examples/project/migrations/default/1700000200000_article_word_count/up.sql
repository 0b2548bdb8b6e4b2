CREATE FUNCTION public.article_word_count(article public.articles)
RETURNS integer
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(array_length(regexp_split_to_array(trim(article.body), '\s+'), 1), 0);
$$;
