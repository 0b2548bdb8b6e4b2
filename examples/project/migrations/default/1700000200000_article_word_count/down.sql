DROP FUNCTION public.article_word_count(public.articles);
