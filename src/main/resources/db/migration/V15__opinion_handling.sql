-- The officers' handling of each public opinion: screening (published / withheld with a reason; withheld opinions are
-- kept) and the answer (adopted / partly adopted / not adopted / not applicable, with a reason).
ALTER TABLE public_opinion ADD screening VARCHAR(20);
ALTER TABLE public_opinion ADD withheld_reason VARCHAR(20);
ALTER TABLE public_opinion ADD duplicate_of VARCHAR(40);
ALTER TABLE public_opinion ADD adoption VARCHAR(20);
ALTER TABLE public_opinion ADD adoption_reason VARCHAR(1000);
ALTER TABLE public_opinion ADD handled_by VARCHAR(64);
ALTER TABLE public_opinion ADD handled_at ${instant};
