import type { SiteModel, TagPage } from "../collections/site-model.ts";
import type { Page } from "../collections/paginate.ts";
import type { Article } from "../content/model.ts";
import type { AuthorGroup } from "../collections/by-author.ts";
import { routes } from "../content/routes.ts";

/**
 * The site's pages that are not articles: which layout renders them, at which
 * URL, and over which data they paginate. Layouts live in `layouts/`; these
 * definitions are code, so editorial folders hold none.
 */
export interface PageDefinition {
  /** The layout entry in `layouts/` that renders the page. */
  layout: string;
  data: Record<string, unknown>;
}

type Data = { newsroom: SiteModel };

export const pageDefinitions: Record<string, PageDefinition> = {
  home: { layout: "home.11ty.tsx", data: { permalink: routes.home() } },
  newsFeed: {
    layout: "news-feed.11ty.tsx",
    data: {
      pagination: { data: "newsroom.feedPages", size: 1, alias: "feedPage" },
      permalink: (data: { feedPage: Page<Article> }) => data.feedPage.url,
    },
  },
  tagIndex: { layout: "tag-index.11ty.tsx", data: { permalink: routes.tagIndex() } },
  tag: {
    layout: "tag.11ty.tsx",
    data: {
      pagination: { data: "newsroom.tagPages", size: 1, alias: "tagPage" },
      permalink: (data: { tagPage: TagPage }) => data.tagPage.url,
    },
  },
  authorIndex: { layout: "author-index.11ty.tsx", data: { permalink: routes.authorIndex() } },
  author: {
    layout: "author.11ty.tsx",
    data: {
      pagination: { data: "newsroom.authorGroups", size: 1, alias: "authorGroup" },
      permalink: (data: { authorGroup: AuthorGroup }) => data.authorGroup.author.url,
    },
  },
  notFound: { layout: "not-found.11ty.tsx", data: { permalink: "/404.html" } },
};

export type { Data as PageData };
