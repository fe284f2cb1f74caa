def extract(text, ref): return []
