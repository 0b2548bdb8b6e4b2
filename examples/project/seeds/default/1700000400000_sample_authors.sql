INSERT INTO public.authors (name, email) VALUES
  ('Ada Lovelace', 'ada@example.com'),
  ('Grace Hopper', 'grace@example.com')
ON CONFLICT (email) DO NOTHING;

INSERT INTO public.articles (author_id, title, body, published_at)
SELECT id, 'Notes on the Analytical Engine', 'The engine weaves algebraic patterns', now()
FROM public.authors WHERE email = 'ada@example.com'
AND NOT EXISTS (SELECT 1 FROM public.articles WHERE title = 'Notes on the Analytical Engine');
