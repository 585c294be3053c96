async def grep(path: str, word: str) -> list[str]:
    hits = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if word in line:
                hits.append(line.rstrip("\n"))
        else:
            f.seek(0)
    return hits
