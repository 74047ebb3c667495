// Resolver for `viewer`: the caller's identity as the hub sees it.
import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../src/server/context.js';
import { describeViewer } from '../src/services/viewer.js';
import { Viewer } from './types/viewer.js';

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'Who is calling: client, department and roles, from the verified token.' })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    return describeViewer(ctx);
  }
}
