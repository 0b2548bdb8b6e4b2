DROP TABLE public.articles;
